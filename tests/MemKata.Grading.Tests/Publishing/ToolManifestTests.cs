using System.Text.Json;
using System.Xml.Linq;
using MemKata.Grading.Tests.Support;

namespace MemKata.Grading.Tests.Publishing;

/// <summary>The local tool manifest names the package the CLI project packs, at its version, with its command.</summary>
public sealed class ToolManifestTests
{
    [Test]
    public void Manifest_and_project_agree_on_package_version_and_command()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestData.RealRepository, ".config", "dotnet-tools.json")));
        var project = XDocument.Load(Path.Combine(TestData.RealRepository, "src", "MemKata.Cli", "MemKata.Cli.csproj"));
        string Property(string name) => project.Descendants(name).Single().Value;
        var tool = manifest.RootElement.GetProperty("tools").GetProperty(Property("PackageId"));

        Assert.Multiple(() =>
        {
            Assert.That(Property("PackAsTool"), Is.EqualTo("true"));
            Assert.That(Property("ToolCommandName"), Is.EqualTo("memkata"));
            Assert.That(tool.GetProperty("version").GetString(), Is.EqualTo(Property("Version")));
            Assert.That(tool.GetProperty("commands").EnumerateArray().Select(c => c.GetString()), Is.EqualTo(new[] { "memkata" }));
        });
    }
}
