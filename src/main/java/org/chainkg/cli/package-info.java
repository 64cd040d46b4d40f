/** The chainkg command line (picocli): load, query, validate, stats, export, serve. */
package org.chainkg.cli;
