/** The embedded SPARQL server (Fuseki main) with the named queries over HTTP. */
package org.chainkg.server;
