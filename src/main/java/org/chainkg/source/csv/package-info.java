/** Streaming CSV records with the physical line where each record starts. */
package org.chainkg.source.csv;
