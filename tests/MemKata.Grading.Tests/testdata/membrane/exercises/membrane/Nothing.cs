/// <summary>The "learner's" file of the membrane's proof: the fake components live in the hidden tests, which can
/// throw what learner code cannot name (NUnit's own exceptions).</summary>
public sealed class Nothing
{
}
