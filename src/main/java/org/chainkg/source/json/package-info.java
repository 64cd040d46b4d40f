/** Streaming of JSON records (JSON Lines, arrays, API response envelopes) with the line, path and control-character checks every JSON reader shares. */
package org.chainkg.source.json;
