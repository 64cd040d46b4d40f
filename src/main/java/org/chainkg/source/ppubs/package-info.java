/** The USPTO Patent Public Search reader: search and document responses, and the flattened one-record-per-line extract of them. */
package org.chainkg.source.ppubs;
