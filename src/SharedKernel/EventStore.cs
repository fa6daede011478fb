namespace Wijkengids.SharedKernel;

/// <summary>Schema names of the shared spine (docs/adr/0002). Each module keeps its own documents in a schema named after it.</summary>
public static class EventStore
{
    /// <summary>The one append-only event store all modules write to.</summary>
    public const string Schema = "events";

    /// <summary>Wolverine's inbox and outbox.</summary>
    public const string MessagingSchema = "messaging";

    /// <summary>Platform infrastructure (data-protection keys).</summary>
    public const string PlatformSchema = "platform";
}
