/** The fork run's per-tick data, kept out of React state as the base's is (see ../frameBus.ts). */
import { createFrameBus } from '../frameBus';

const fork = createFrameBus();

export const latestForkFrame = fork.latest;
export const forkLog = fork.log;
export const publishForkFrame = fork.publish;
export const subscribeForkFrames = fork.subscribe;
export const clearForkFrames = fork.clear;
