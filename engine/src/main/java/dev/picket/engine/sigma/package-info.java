/**
 * Sigma v2.1.0 rules, compiled: {@link dev.picket.engine.sigma.RuleSet} reads rule files
 * ({@code parse}: located YAML), compiles each detection ({@code compile}: selections and the
 * {@code condition} grammar of {@code condition} over value tests of {@code value}) into
 * predicates over pre-resolved field paths, attaches global filters, and hands correlation
 * documents to {@code dev.picket.engine.correlation}. A {@link dev.picket.engine.sigma.Detector}
 * offers each event only to the rules of its log source, narrowed by an index of required
 * literals.
 *
 * <p>Where the specification leaves a choice to the tool, Picket decides so:
 * <ul>
 *   <li>Strings compare case-insensitively, folding character by character; numbers written as
 *       YAML numbers also equal event numbers of the same value; other values compare as text.</li>
 *   <li>A keyword (a value without a field) matches when it occurs within any string value of the
 *       event, at any depth.</li>
 *   <li>{@code field: null} matches an absent or null field; {@code exists} counts a null or
 *       empty value as present.</li>
 *   <li>{@code neq} is the negation of the same entry without it, so an absent field is
 *       "different" too.</li>
 *   <li>{@code re} is RE2 (linear time) and searches anywhere in the value; anchor with
 *       {@code ^}/{@code $}.</li>
 *   <li>Values produced by the encoding modifiers ({@code base64}, {@code base64offset},
 *       {@code utf16*}, {@code wide}) are compared case-sensitively, as encodings are.</li>
 *   <li>The time modifiers read ISO-8601 text as written, without time-zone conversion;
 *       {@code week} is the ISO week.</li>
 *   <li>A rule that states no {@code level} is {@code medium}.</li>
 *   <li>Ids and names are unique across all loaded rules; a filter naming an unknown rule is an
 *       error.</li>
 * </ul>
 */
package dev.picket.engine.sigma;
