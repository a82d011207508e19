import {
  currentUnitFor,
  findProvince,
  provincesAsOf,
  type IsoDate,
  type ProvincialUnit,
  type RegionCode,
} from '@kc/reference-data';
import { addFigures, zeroFigures, type FigureDelta, type Figures } from './figures';

/** Figures recorded against a province code, with the date that code is to be read on. */
export interface RecordedFigures {
  provinceCode: string;
  asOf: IsoDate;
  figures: FigureDelta;
}

export interface RollUpScope {
  /** The date whose units the rows show: today for current units, 1 January of the year for historical ones. */
  unitsOn: IsoDate;
  /** Only units of this region (on `unitsOn`); all units when absent. */
  region?: RegionCode;
}

export interface UnitFigures extends Figures {
  code: string;
  nameVi: string;
  regionCode: RegionCode;
}

export interface RollUp {
  /** Every unit of the scope on `unitsOn`, zeros included, by code. */
  units: UnitFigures[];
  /** Figures of the scope's region that no row can hold (see placeOn). */
  unattributed: Figures;
}

/**
 * The unit in force on `unitsOn` that holds the territory `code` named on `asOf`. Forward in time it follows
 * the lineage (old 36 Nam Định → 37 Ninh Bình). Backward it only works while the unit is unchanged: a merged
 * unit cannot be split into the units it came from, so the answer is undefined.
 */
function placeOn(code: string, asOf: IsoDate, unitsOn: IsoDate) {
  if (asOf <= unitsOn) return currentUnitFor(code, asOf, unitsOn);
  const recorded = findProvince(code, asOf);
  const then = findProvince(code, unitsOn);
  return recorded && then && recorded.validFrom === then.validFrom ? then : undefined;
}

/** Where facts recorded under one code on one date go: the unit holding them on `unitsOn`, if any (see placeOn). */
export interface Placement {
  placed: ProvincialUnit | undefined;
  /** The unit they are shown in: the one placed, else (e.g. a future year's code) the one they were recorded in. */
  counted: ProvincialUnit;
}

/**
 * The placement of facts recorded under `code` on `asOf` when the rows show the units of `unitsOn`. A code that
 * names no unit on its date throws: bad data must not silently drop out of a total.
 */
function placement(code: string, asOf: IsoDate, unitsOn: IsoDate): Placement {
  const placed = placeOn(code, asOf, unitsOn);
  const counted = placed ?? findProvince(code, asOf);
  if (!counted) throw new RangeError(`no provincial unit has code ${code} on ${asOf}`);
  return { placed, counted };
}

/**
 * `placement` on the units of `unitsOn`, looked up once per (code, date): a year's facts come in thousands of
 * groups but name a few dozen codes, and each look-up scans the reference data.
 */
export function placements(unitsOn: IsoDate): (code: string, asOf: IsoDate) => Placement {
  const known = new Map<string, Placement>();
  return (code, asOf) => {
    // An IsoDate has a fixed length, so the key is unambiguous whatever the code.
    const key = asOf + code;
    let found = known.get(key);
    if (!found) {
      found = placement(code, asOf, unitsOn);
      known.set(key, found);
    }
    return found;
  };
}

/**
 * The unit a fact recorded under `code` on `asOf` is shown in when the rows show the units of `unitsOn`: the
 * unit that holds it then, else (it cannot be placed, e.g. a future year's code) the unit it was recorded in.
 */
export function unitCounted(code: string, asOf: IsoDate, unitsOn: IsoDate): ProvincialUnit {
  return placement(code, asOf, unitsOn).counted;
}

/**
 * Rolls figures recorded under old or new codes up to the units in force on `scope.unitsOn` and keeps those of
 * `scope.region`. A code that names no unit on its date throws (from the reference data): bad data must not
 * silently drop out of a total.
 */
export function rollUp(recorded: readonly RecordedFigures[], scope: RollUpScope): RollUp {
  const inScope = (region: RegionCode) => scope.region === undefined || scope.region === region;
  const rows = new Map<string, UnitFigures>(
    provincesAsOf(scope.unitsOn)
      .filter((unit) => inScope(unit.regionCode))
      .map((unit) => [
        unit.code,
        { code: unit.code, nameVi: unit.nameVi, regionCode: unit.regionCode, ...zeroFigures() },
      ]),
  );
  const unattributed = zeroFigures();

  const placementOf = placements(scope.unitsOn);
  for (const { provinceCode, asOf, figures } of recorded) {
    const { placed, counted } = placementOf(provinceCode, asOf);
    if (placed) {
      const row = rows.get(placed.code);
      if (row) addFigures(row, figures);
    } else if (inScope(counted.regionCode)) addFigures(unattributed, figures);
  }
  return { units: [...rows.values()].sort((a, b) => a.code.localeCompare(b.code)), unattributed };
}
