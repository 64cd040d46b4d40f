/** The benchmark harness ({@code chainkg bench}): load, queries, concurrent clients and growth, with Jena's loaders as baseline. */
package org.chainkg.bench;
