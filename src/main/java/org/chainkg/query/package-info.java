/** Named analyst queries (queries/*.rq), their parameters, running them, and writing their results. */
package org.chainkg.query;
