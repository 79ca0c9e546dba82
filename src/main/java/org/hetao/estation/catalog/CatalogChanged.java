package org.hetao.estation.catalog;

/** Published after the catalogue was loaded or imported and something changed (search re-indexes on it). */
public record CatalogChanged(String version, int itemsAdded, int itemsUpdated, int itemsRetired) {
}
