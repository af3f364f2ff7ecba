/** The Simplified Chinese catalogue, assembled from its parts (one file per area, so translators don't collide). */
import { zhCNGuides } from './guides';
import { zhCNLessons } from './lessons';
import { zhCNModels } from './models';
import { zhCNPages } from './pages';
import { zhCNUi } from './ui';

export const zhCN: Partial<Record<string, string>> = {
  ...zhCNUi,
  ...zhCNModels,
  ...zhCNPages,
  ...zhCNGuides,
  ...zhCNLessons,
};
