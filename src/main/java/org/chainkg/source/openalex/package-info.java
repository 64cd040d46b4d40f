/** Reader for OpenAlex API JSON (works, institutions, topics): single objects, lists, API pages and JSON Lines. */
package org.chainkg.source.openalex;
