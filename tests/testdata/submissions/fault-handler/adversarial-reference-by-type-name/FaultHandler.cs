using MemKata.Contracts.Kernel;

/// <summary>Attack: the reference handler by its name at run time (the engine assembly is loaded in the worker), no
/// engine token in the source: Type.GetType of a concatenated name, then Activator.CreateInstance.</summary>
public sealed class FaultHandler : IPageFaultHandler
{
    private static readonly IPageFaultHandler? Reference = Find();

    /// <inheritdoc/>
    public FaultResult HandleFault(IFaultContext context, PageFault fault) =>
        Reference is not null ? Reference.HandleFault(context, fault) : FaultResult.Minor;

    private static IPageFaultHandler? Find()
    {
        var name = string.Concat("MemKata.Eng", "ine.Reference.ReferencePage", "FaultHandler, MemKata.Eng", "ine");
        var type = Type.GetType(name);
        return type is null ? null : Activator.CreateInstance(type) as IPageFaultHandler;
    }
}
