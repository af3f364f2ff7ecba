/** The library of models: adding a model is one file and one line here. */
import type { Model } from '../core/model';
import { cloudMarket } from './cloudMarket';
import { flocking } from './flocking';
import { kMeans } from './kmeans';
import { segregation } from './segregation';

export const MODELS: readonly Model[] = [kMeans, cloudMarket, segregation, flocking];

/** The model the app opens on: the flagship. */
export const DEFAULT_MODEL_ID = cloudMarket.id;

export function findModel(id: string): Model | undefined {
  return MODELS.find((m) => m.id === id);
}
