package org.chainkg.match;

import java.util.List;

/**
 * One ranked candidate: its score and features, and why — the words its text shares with the query's, the
 * technology codes both have, the chain items of the need (or the queried item), the partners both have worked with,
 * and how many projects and outputs the pair already shares.
 */
public record MatchResult(int rank, Profile candidate, double score, Features features, List<String> sharedTerms,
                          List<String> sharedCodes, List<String> chainItems, List<String> sharedPartners,
                          int collaborated) {}
