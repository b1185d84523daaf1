/**
 * Finds the third-party test material Sealmeet checks itself against but does not keep in its
 * repository: the official MLS, HPKE, SFrame and Wycheproof vectors and the MLS working group's
 * interop scenario scripts. Each {@link dev.sealmeet.vectors.PinnedSet set} is a {@link
 * dev.sealmeet.vectors.Manifest manifest} of files, each pinned by SHA-256 and by a public URL at a
 * fixed commit.
 *
 * <p>{@link dev.sealmeet.vectors.VectorRoot} is the one place that decides where a set is read
 * from; every module's tests and the {@code sealmeet conformance} command ask it:
 *
 * <pre>
 *   -Dsealmeet.vectors / $SEALMEET_VECTORS   a folder named explicitly: used, or an error
 *            | not set
 *   CHECKOUT/../shared/vectors               the shared folder beside the checkout, if present
 *            | no such folder
 *   ~/.cache/sealmeet/vectors                the download cache, once it holds every pinned file
 *            | files missing
 *   fetch each missing file from its pinned URL, check its SHA-256, store it in the cache
 *            | no network
 *   VectorsUnavailableException naming every place looked at and what to do
 * </pre>
 *
 * <p>(The interop scripts: {@code -Dsealmeet.interop.configs}, {@code $SEALMEET_INTEROP_CONFIGS},
 * {@code ../shared/interop/configs}, {@code ~/.cache/sealmeet/interop-configs}.) A folder is used
 * only if it holds every pinned file with its pinned SHA-256; a file with another hash is a {@link
 * dev.sealmeet.vectors.PinMismatchException}, never silently replaced or skipped. The download
 * cache is {@code -Dsealmeet.cache} if set. The module needs nothing beyond the JDK.
 */
package dev.sealmeet.vectors;
