/**
 * The official order of units, for every query that lists them (the units table aliased `u`): perangkat daerah
 * before kecamatan, then the position in the official list (units.sort_order); the name breaks ties between units
 * added by hand. Every list, export and matrix shows units in this order, so it lives here, shared by every repo.
 */
export const UNIT_ORDER_SQL = 'u.group_kind DESC, u.sort_order, u.name, u.id';
