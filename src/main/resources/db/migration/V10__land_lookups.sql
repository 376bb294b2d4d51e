-- Reads of land that cost their page, or at least not the heap, in a region of many parcels.

-- The parcel list's order (code, then id) across regions: without it an ADMIN's first page sorted every parcel.
create index parcel_by_code on parcel (code, id);

-- A quota's digested area sums the parcels supplied in its year: with the area in the index the sum reads no rows.
drop index parcel_supplied;
create index parcel_supplied on parcel (region_id, supplied_on) include (area_mu);

-- Standard land by stage, on the dashboard of every plan of the region.
create index parcel_standard_stage on parcel (region_id, stage) where standard_land;
