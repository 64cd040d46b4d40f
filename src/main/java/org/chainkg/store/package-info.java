/** The embedded store (TDB2 + Lucene text index) and all-or-nothing source loading with PROV-O provenance. */
package org.chainkg.store;
