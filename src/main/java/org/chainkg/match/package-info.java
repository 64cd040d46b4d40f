/**
 * Lab–firm matching with explanations ({@link org.chainkg.match.Matcher}) and its held-out evaluation
 * ({@link org.chainkg.match.MatchingEvaluation}, {@link org.chainkg.match.CordisHoldout}).
 */
package org.chainkg.match;
