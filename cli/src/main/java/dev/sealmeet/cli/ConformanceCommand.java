package dev.sealmeet.cli;

import dev.sealmeet.conformance.ConformanceRunner;
import dev.sealmeet.conformance.DefaultVectors;
import dev.sealmeet.conformance.Report;
import dev.sealmeet.conformance.ReportPrinter;
import dev.sealmeet.vectors.Lookup;
import dev.sealmeet.vectors.PinnedSet;
import dev.sealmeet.vectors.VectorRoot;
import dev.sealmeet.vectors.VectorsUnavailableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sealmeet conformance}: runs test-vector files and prints pass/fail/skip counts. */
@Command(
    name = "conformance",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    // One element per paragraph: picocli wraps each at word boundaries to the terminal's width.
    description = {
      "Runs every test-vector file (*.json) under the given folders (recursively) and prints "
          + "'FILE: N passed, M failed, K skipped' per file, then 'N passed, M failed'.",
      "Without --vectors it runs the pinned official vectors and our own vectors in "
          + "spec/vectors.",
      // A name with a dot starts its paragraph: picocli may break a line after a dot.
      "-Dsealmeet.vectors, else $SEALMEET_VECTORS, else the folder shared/vectors beside the "
          + "checkout, else the download cache (fetched into once where none is found) is where "
          + "the official vectors are read from.",
      "A file that no vector family recognises is an error, and so is a file that cannot be "
          + "read or is malformed; each counts as one failure, and the run goes on to the next "
          + "file.",
      "Exit status: 0 if no case or file failed and at least one case passed; 1 if anything "
          + "failed, or if nothing passed (every case skipped, or no vector files); 2 if a folder "
          + "does not exist or the official vectors can be neither found nor fetched."
    })
final class ConformanceCommand implements Callable<Integer> {

  @Option(
      names = "--vectors",
      paramLabel = "DIR",
      description = "Folder of vector files; repeatable. Default: the pinned official vectors"
          + " and spec/vectors.")
  List<Path> vectors;

  @Option(names = "--json", description = "Print the report as JSON.")
  boolean json;

  /** Where the default run looks for the vectors; tests replace it. */
  Lookup lookup = Lookup.system();

  @Override
  public Integer call() {
    Report report;
    if (vectors == null || vectors.isEmpty()) {
      try {
        report = DefaultVectors.run(ConformanceRunner.withAllFamilies(),
            VectorRoot.locate(PinnedSet.OFFICIAL_VECTORS, lookup), VectorRoot.own(lookup));
      } catch (VectorsUnavailableException e) {
        System.err.println("sealmeet: " + e.getMessage());
        return 2;
      }
    } else {
      for (Path folder : vectors) {
        if (!Files.isDirectory(folder)) {
          System.err.println("sealmeet: not a folder: " + folder);
          return 2;
        }
      }
      report = ConformanceRunner.withAllFamilies().run(vectors);
    }
    if (json) {
      ReportPrinter.printJson(report, System.out);
    } else {
      ReportPrinter.printText(report, System.out);
    }
    if (report.failed() == 0 && report.passed() == 0) {
      System.err.println("sealmeet: no case passed (" + report.skipped() + " skipped, "
          + report.files().size() + " files); a run that checks nothing fails");
    }
    return report.succeeded() ? 0 : 1;
  }
}
