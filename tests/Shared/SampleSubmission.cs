using System.Collections.Concurrent;

namespace MemKata.Tests.Shared;

/// <summary>
/// A sample submission folder of tests/testdata/submissions as the grader must see it. A sample is either written out
/// (its <c>.cs</c> files) or stored as a change of a file in the repository (<c>NAME.cs.patch</c>, a unified diff whose
/// <c>--- a/PATH</c> names a reference or a stub): such a sample is applied, once per test run, into a scratch folder of
/// the same name, which is removed when the test process ends. Everything else in the folder (<c>expected.json</c>, a
/// README) is copied beside the applied files.
/// </summary>
internal static class SampleSubmission
{
    private const string PatchExtension = ".patch";

    private static readonly ConcurrentDictionary<string, Lazy<string>> _applied = new(StringComparer.Ordinal);
    private static readonly Lazy<string> _scratch = new(CreateScratch);

    /// <summary><paramref name="folder"/> itself when it holds no patch; otherwise a scratch folder with the same name
    /// in which every <c>*.patch</c> is applied to its base. Throws <see cref="InvalidDataException"/> (naming the patch
    /// line) when a patch does not apply.</summary>
    public static string Materialize(string folder)
    {
        var full = Path.GetFullPath(folder);
        return Directory.GetFiles(full, "*" + PatchExtension).Length == 0
            ? full
            : _applied.GetOrAdd(full, f => new Lazy<string>(() => Apply(f))).Value;
    }

    /// <summary>The sample's source files (<c>*.cs</c>) as paths in <paramref name="folder"/>: a patched file is named
    /// as if it were there (<c>Allocator.cs</c> for <c>Allocator.cs.patch</c>), so names stay stable; read them with
    /// <see cref="ReadSource"/>.</summary>
    public static IEnumerable<string> SourceFiles(string folder) =>
        Directory.GetFiles(folder, "*.cs")
            .Concat(Directory.GetFiles(folder, "*.cs" + PatchExtension).Select(patch => patch[..^PatchExtension.Length]))
            .Order(StringComparer.Ordinal);

    /// <summary>The text of <paramref name="path"/>: the file itself, or, when only <c>PATH.patch</c> exists, its
    /// patch applied to its base.</summary>
    public static string ReadSource(string path) =>
        File.Exists(path) || !File.Exists(path + PatchExtension)
            ? File.ReadAllText(path)
            : File.ReadAllText(Path.Combine(Materialize(Path.GetDirectoryName(Path.GetFullPath(path))!), Path.GetFileName(path)));

    private static string Apply(string folder)
    {
        var root = RepositoryRoot(folder);
        var target = Path.Combine(_scratch.Value, Path.GetFileName(Path.GetDirectoryName(folder)!), Path.GetFileName(folder));
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(folder))
        {
            if (!file.EndsWith(PatchExtension, StringComparison.Ordinal))
            {
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
                continue;
            }

            var patch = UnifiedPatch.Read(file);
            var expectedName = Path.GetFileName(file)[..^PatchExtension.Length];
            if (!string.Equals(patch.TargetName, expectedName, StringComparison.Ordinal))
            {
                throw new InvalidDataException($"{file}:2: the patch makes '{patch.TargetName}'; a patch named {Path.GetFileName(file)} must make '{expectedName}'");
            }

            var basePath = Path.Combine(root, patch.BasePath);
            File.WriteAllText(Path.Combine(target, expectedName), patch.Apply(File.ReadAllText(basePath)));
        }

        return target;
    }

    private static string RepositoryRoot(string folder)
    {
        for (var directory = folder; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "MemKata.sln")))
            {
                return directory;
            }
        }

        throw new InvalidDataException($"{folder}: no MemKata.sln above it, so the patches' base paths cannot be resolved");
    }

    private static string CreateScratch()
    {
        var scratch = Path.Combine(Path.GetTempPath(), $"memkata-samples-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(scratch);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(scratch, recursive: true);
            }
            catch (IOException)
            {
                // A file still open at exit: the scratch folder stays in /tmp, which the system cleans.
            }
        };
        return scratch;
    }
}
