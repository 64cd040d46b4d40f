/**
 * Reader for Research Organization Registry (ROR) schema v2 records: one record per JSON file, the ROR data dump
 * (a JSON array) or JSON Lines, streamed one record at a time.
 */
package org.chainkg.source.ror;
