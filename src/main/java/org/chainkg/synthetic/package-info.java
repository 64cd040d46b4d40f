/** A deterministic generator of synthetic, clearly labelled source files in the real formats, for benchmarks. */
package org.chainkg.synthetic;
