using Wijkengids.SharedKernel;

namespace Wijkengids.Audit.Demo;

// Demo events for scale tests and benchmarks only (`audit demo`). Each says which module it stands in for; the
// timeline shows them under "demo-<module>", never under a real module, and describes them with "Demo:".

/// <summary>A demo event standing in for a change in another module.</summary>
public interface IDemoEvent : IDescribedEvent
{
    string StandsInFor { get; }
}

public sealed record DemoLessonRevised(Guid Item, string Number, int Revision) : IDemoEvent
{
    public string StandsInFor => "content";
    public string Describe() => $"Demo: les {Number} herzien (revisie {Revision})";
}

public sealed record DemoLessonPublished(Guid Item, string Number, int Revision) : IDemoEvent
{
    public string StandsInFor => "content";
    public string Describe() => $"Demo: les {Number} gepubliceerd (revisie {Revision})";
}

public sealed record DemoProposalReceived(Guid Item, string Title) : IDemoEvent
{
    public string StandsInFor => "contributions";
    public string Describe() => $"Demo: voorstel ontvangen ({Title})";
}

public sealed record DemoProposalAccepted(Guid Item, string Title) : IDemoEvent
{
    public string StandsInFor => "contributions";
    public string Describe() => $"Demo: voorstel geaccepteerd ({Title})";
}

public sealed record DemoBookingRequested(Guid Item, string Area) : IDemoEvent
{
    public string StandsInFor => "workshops";
    public string Describe() => $"Demo: aanvraag werkatelier voor {Area}";
}

public sealed record DemoBookingConfirmed(Guid Item, string Area) : IDemoEvent
{
    public string StandsInFor => "workshops";
    public string Describe() => $"Demo: werkatelier voor {Area} bevestigd";
}

public sealed record DemoSubscriptionConfirmed(Guid Item, string Themes) : IDemoEvent
{
    public string StandsInFor => "community";
    public string Describe() => $"Demo: aanmelding voor updates bevestigd ({Themes})";
}
