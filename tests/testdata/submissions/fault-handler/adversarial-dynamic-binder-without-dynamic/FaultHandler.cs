using System.Runtime.CompilerServices;
using MemKata.Contracts.Kernel;
using Microsoft.CSharp.RuntimeBinder;

/// <summary>Attack: the dynamic binder without the <c>dynamic</c> keyword: a call site built by hand that calls
/// HandleFault on whatever object the learner found (here the context itself, hoping it is a handler too).</summary>
public sealed class FaultHandler : IPageFaultHandler
{
    /// <inheritdoc/>
    public FaultResult HandleFault(IFaultContext context, PageFault fault)
    {
        var binder = Binder.InvokeMember(
            CSharpBinderFlags.None, "HandleFault", null, typeof(FaultHandler),
            [CSharpArgumentInfo.Create(CSharpArgumentInfoFlags.None, null), CSharpArgumentInfo.Create(CSharpArgumentInfoFlags.None, null),
             CSharpArgumentInfo.Create(CSharpArgumentInfoFlags.None, null)]);
        var site = CallSite<Func<CallSite, object, object, object, object>>.Create(binder);
        return (FaultResult)site.Target(site, context, context, fault);
    }
}
