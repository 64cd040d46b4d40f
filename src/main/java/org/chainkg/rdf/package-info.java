/** The chainkg vocabulary, the IRIs chainkg mints and reuses, and small helpers for writing triples. */
package org.chainkg.rdf;
