using MemKata.Analyzers.Rules;
using MemKata.Analyzers.Tests.Infrastructure;

namespace MemKata.Analyzers.Tests;

// How the analyzers know which code is the learner's: per-file option, then Compile item metadata, then whether the SDK
// generated the file (under obj/), then the project property; nothing set means not learner code.
public class LearnerCodeDetectionTests
{
    private const string Exits = """
        class Quitter
        {
            public void Quit() => [|System.Environment.Exit|](1);
        }
        """;

    [Test]
    public Task Code_is_not_the_learners_when_nothing_says_so() =>
        ProjectBuilder.For<UseOnlyTheAllowedApiAnalyzer>().WithoutLearnerCodeSetting().WithSourceCode(Exits)
            .ExpectingNoDiagnostics().ValidateAsync();

    [Test]
    public Task The_project_property_makes_every_file_learner_code() =>
        ProjectBuilder.For<UseOnlyTheAllowedApiAnalyzer>().WithSourceCode(Exits).ValidateAsync();

    [Test]
    public Task An_editorconfig_section_takes_a_file_out_of_a_learner_project() =>
        ProjectBuilder.For<UseOnlyTheAllowedApiAnalyzer>()
            .WithEditorConfig("[*.cs]\nmemkata_learner_code = false\n")
            .WithSourceCode(Exits)
            .ExpectingNoDiagnostics()
            .ValidateAsync();

    [Test]
    public Task An_editorconfig_section_puts_a_file_into_learner_code() =>
        ProjectBuilder.For<UseOnlyTheAllowedApiAnalyzer>()
            .WithoutLearnerCodeSetting()
            .WithEditorConfig("[*.cs]\nmemkata_learner_code = true\n")
            .WithSourceCode(Exits)
            .ValidateAsync();

    [Test]
    public Task Compile_item_metadata_takes_a_test_file_out_of_a_learner_project() =>
        ProjectBuilder.For<UseOnlyTheAllowedApiAnalyzer>()
            .WithAnalyzerConfig("/0/.globalconfig-items", "is_global = true\n\n[/0/Test0.cs]\nbuild_metadata.Compile.MemKataLearnerCode = false\n")
            .WithSourceCode(Exits)
            .ExpectingNoDiagnostics()
            .ValidateAsync();

    [Test]
    public Task Compile_item_metadata_puts_a_file_into_learner_code() =>
        ProjectBuilder.For<UseOnlyTheAllowedApiAnalyzer>()
            .WithoutLearnerCodeSetting()
            .WithAnalyzerConfig("/0/.globalconfig-items", "is_global = true\n\n[/0/Test0.cs]\nbuild_metadata.Compile.MemKataLearnerCode = true\n")
            .WithSourceCode(Exits)
            .ValidateAsync();

    [Test]
    public Task The_per_file_option_wins_over_compile_item_metadata() =>
        ProjectBuilder.For<UseOnlyTheAllowedApiAnalyzer>()
            .WithAnalyzerConfig("/0/.globalconfig-items", "is_global = true\n\n[/0/Test0.cs]\nbuild_metadata.Compile.MemKataLearnerCode = false\n")
            .WithEditorConfig("[*.cs]\nmemkata_learner_code = true\n")
            .WithSourceCode(Exits)
            .ValidateAsync();

    [Test]
    public Task A_value_that_is_not_a_boolean_counts_as_unset() =>
        ProjectBuilder.For<UseOnlyTheAllowedApiAnalyzer>()
            .WithEditorConfig("[*.cs]\nmemkata_learner_code = maybe\n")
            .WithSourceCode(Exits)
            .ValidateAsync();

    [Test]
    public Task A_file_the_SDK_generated_under_obj_is_not_learner_code() =>
        ProjectBuilder.For<UseOnlyTheAllowedApiAnalyzer>()
            .WithAnalyzerConfig("/.globalconfig-generated", "is_global = true\nbuild_property.MemKataGeneratedDirectory = /0\n")
            .WithSourceCode(Exits)
            .ExpectingNoDiagnostics()
            .ValidateAsync();

    [Test]
    public Task Compile_item_metadata_wins_over_the_generated_folder() =>
        ProjectBuilder.For<UseOnlyTheAllowedApiAnalyzer>()
            .WithAnalyzerConfig("/.globalconfig-generated", "is_global = true\nbuild_property.MemKataGeneratedDirectory = /0\n")
            .WithAnalyzerConfig("/0/.globalconfig-items", "is_global = true\n\n[/0/Test0.cs]\nbuild_metadata.Compile.MemKataLearnerCode = true\n")
            .WithSourceCode(Exits)
            .ValidateAsync();
}
