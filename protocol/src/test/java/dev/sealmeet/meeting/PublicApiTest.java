package dev.sealmeet.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No public or protected signature of the protocol module's exported packages names a Protobuf
 * type (the runtime's, or the classes the tests generate from {@code meeting.proto}) or a control
 * message of the library's own codec ({@code dev.sealmeet.meeting.wire}, not exported): envelopes
 * cross the API as bytes. Reads the exports from the compiled {@code module-info.class} and every
 * class of those packages from the protocol's class directory.
 */
class PublicApiTest {
  private static final List<String> FORBIDDEN =
      List.of("com.google.protobuf.", "dev.sealmeet.meeting.proto.", "dev.sealmeet.meeting.wire.");

  @Test
  void exportedSignatures_nameNoProtobufType() throws Exception {
    Path classes = classDirectory();
    Set<String> exported;
    try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
      exported = ModuleDescriptor.read(in).exports().stream().filter(e -> !e.isQualified())
          .map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
    }
    assertThat(exported).contains("dev.sealmeet.meeting").doesNotContain(
        "dev.sealmeet.meeting.proto", "dev.sealmeet.meeting.wire");
    List<String> offences = new ArrayList<>();
    int scanned = 0;
    for (String name : classNames(classes)) {
      String pkg = name.substring(0, name.lastIndexOf('.'));
      if (!exported.contains(pkg)) {
        continue;
      }
      Class<?> type = Class.forName(name, false, getClass().getClassLoader());
      if (!isApi(type)) {
        continue;
      }
      scanned++;
      check(type, offences);
    }
    assertThat(scanned).as("API classes scanned").isGreaterThan(100);
    assertThat(offences).isEmpty();
  }

  /** The library's own classes link against no Protobuf runtime class (issue: vendor clash). */
  @Test
  void mainClasses_referNoProtobufClass() throws Exception {
    Path classes = classDirectory();
    List<String> offences = new ArrayList<>();
    for (String name : classNames(classes)) {
      byte[] bytes = Files.readAllBytes(classes.resolve(name.replace('.', '/') + ".class"));
      if (new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)
          .contains("com/google/protobuf")) {
        offences.add(name);
      }
    }
    assertThat(offences).isEmpty();
    assertThat(classes.resolve("dev/sealmeet/meeting/proto")).doesNotExist();
  }

  private static Path classDirectory() throws URISyntaxException {
    Path location = Path.of(Meeting.class.getProtectionDomain().getCodeSource().getLocation()
        .toURI());
    assertThat(location.resolve("module-info.class")).as("the protocol's class directory")
        .exists();
    return location;
  }

  private static List<String> classNames(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".class"))
          .map(p -> root.relativize(p).toString())
          .filter(p -> !p.equals("module-info.class") && !p.endsWith("package-info.class"))
          .map(p -> p.substring(0, p.length() - ".class".length())
              .replace(java.io.File.separatorChar, '.'))
          .sorted().collect(Collectors.toList());
    }
  }

  /** Public, or a public or protected member class of an API class. */
  private static boolean isApi(Class<?> type) {
    if (type.isAnonymousClass() || type.isLocalClass() || type.isSynthetic()) {
      return false;
    }
    Class<?> outer = type.getDeclaringClass();
    return outer == null ? Modifier.isPublic(type.getModifiers())
        : isApi(outer) && visible(type.getModifiers());
  }

  private static boolean visible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static void check(Class<?> type, List<String> offences) {
    String where = type.getName();
    note(where + " extends", type.getGenericSuperclass(), offences);
    for (Type implemented : type.getGenericInterfaces()) {
      note(where + " implements", implemented, offences);
    }
    for (TypeVariable<?> variable : type.getTypeParameters()) {
      for (Type bound : variable.getBounds()) {
        note(where + " <" + variable + ">", bound, offences);
      }
    }
    if (type.isRecord()) {
      for (RecordComponent component : type.getRecordComponents()) {
        note(where + "." + component.getName(), component.getGenericType(), offences);
      }
    }
    for (Field field : type.getDeclaredFields()) {
      if (visible(field.getModifiers()) && !field.isSynthetic()) {
        note(where + "." + field.getName(), field.getGenericType(), offences);
      }
    }
    for (Constructor<?> constructor : type.getDeclaredConstructors()) {
      if (visible(constructor.getModifiers())) {
        executable(where, constructor, constructor.getGenericParameterTypes(),
            constructor.getGenericExceptionTypes(), offences);
      }
    }
    for (Method method : type.getDeclaredMethods()) {
      if (visible(method.getModifiers()) && !method.isSynthetic()) {
        note(where + "." + method.getName() + " returns", method.getGenericReturnType(),
            offences);
        executable(where, method, method.getGenericParameterTypes(),
            method.getGenericExceptionTypes(), offences);
      }
    }
  }

  private static void executable(String where, Member member, Type[] parameters,
      Type[] exceptions, List<String> offences) {
    for (Type parameter : parameters) {
      note(where + "." + member.getName() + " takes", parameter, offences);
    }
    for (Type exception : exceptions) {
      note(where + "." + member.getName() + " throws", exception, offences);
    }
  }

  private static void note(String where, Type type, List<String> offences) {
    if (type == null) {
      return;
    }
    String name = type.getTypeName();
    for (String forbidden : FORBIDDEN) {
      if (name.contains(forbidden)) {
        offences.add(where + " " + name);
      }
    }
  }
}
