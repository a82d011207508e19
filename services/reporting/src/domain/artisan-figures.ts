import { artisanTitles, type ArtisanTitle, type ConferenceArtisanTitles } from '@kc/contracts';
import { safeAdd } from './exact-sum';

/** Artisan titles conferred, per title. */
export type ArtisanTitleCounts = Record<ArtisanTitle, number>;

export function zeroArtisanTitles(): ArtisanTitleCounts {
  return Object.fromEntries(artisanTitles.map((title) => [title, 0])) as ArtisanTitleCounts;
}

/** Adds `more` into `into`; a sum that a number cannot hold exactly is an error. */
export function addArtisanTitles(
  into: ArtisanTitleCounts,
  more: Partial<ArtisanTitleCounts>,
): ArtisanTitleCounts {
  for (const title of artisanTitles) {
    const value = more[title];
    if (value !== undefined) into[title] = safeAdd(title, into[title], value);
  }
  return into;
}

export const artisanTitlesView = (counts: ArtisanTitleCounts): ConferenceArtisanTitles => ({ ...counts });
