/**
 * Reader for the CORDIS Horizon 2020 open data: the "organizations" CSV (organisations, projects and their
 * participations) and the project topics CSV.
 */
package org.chainkg.source.cordis;
