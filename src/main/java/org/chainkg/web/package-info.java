/**
 * The analyst workbench served by {@code serve} at {@code /}: server-rendered HTML pages (JTE templates in
 * {@code src/main/jte}, compiled at build time) over the named queries and the matcher, with htmx from a WebJar.
 * One servlet per page ({@link ChainMapPage}, {@link ItemPage}, {@link CountryPage}, {@link ProvenancePage},
 * {@link SparqlPage}, {@link HomePage}); {@link Tables} runs the named queries, {@link Lang} holds the page language
 * and its messages, {@link Html} renders a template, {@link StaticFiles} serves WebJars, the workbench's own CSS and
 * the Fuseki console. Every definition stays in the named queries: the pages only show their rows.
 */
package org.chainkg.web;
