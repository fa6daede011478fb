using Wijkengids.Tests.Integration.Community;
using Wijkengids.Tests.Integration.Messaging;

namespace Wijkengids.Tests.Integration.Infrastructure;

/// <summary>
/// Test classes that can live with each other's data share one host and one database per collection (docs/adr/0100):
/// starting a host costs seconds and memory, so a run starts a handful instead of one per class. The classes of one
/// collection run one after the other; the collections run in parallel. A class that shares a host makes its data its
/// own (unique addresses, titles, slugs) and asserts only on that. A class that needs other settings, a moved clock,
/// replaced services or a database state of its own (rebuilds, outages, backups, a restored upgrade, tampering with
/// the history, counting every event or mail) keeps a host of its own through <c>IClassFixture</c>.
/// </summary>
public static class SharedHosts
{
    public const string Content = "Shared host: Content";
    public const string Contributions = "Shared host: Contributions";
    public const string Community = "Shared host: Community";
    public const string Workshops = "Shared host: Workshops";
    public const string Audit = "Shared host: Audit";
    public const string Platform = "Shared host: Platform";

    /// <summary>The host with the test message handlers (<see cref="TestWorkFixture"/>).</summary>
    public const string Messaging = "Shared host: Messaging";

    /// <summary>The host that mails through a real SMTP receiver (<see cref="SmtpFixture"/>).</summary>
    public const string Smtp = "Shared host: Smtp";
}

public sealed class ContentHost : HostFixture;

public sealed class ContributionsHost : HostFixture;

public sealed class CommunityHost : HostFixture;

public sealed class WorkshopsHost : HostFixture;

public sealed class AuditHost : HostFixture;

public sealed class PlatformHost : HostFixture;

[CollectionDefinition(SharedHosts.Content)]
public sealed class ContentCollection : ICollectionFixture<ContentHost>;

[CollectionDefinition(SharedHosts.Contributions)]
public sealed class ContributionsCollection : ICollectionFixture<ContributionsHost>;

[CollectionDefinition(SharedHosts.Community)]
public sealed class CommunityCollection : ICollectionFixture<CommunityHost>;

[CollectionDefinition(SharedHosts.Workshops)]
public sealed class WorkshopsCollection : ICollectionFixture<WorkshopsHost>;

[CollectionDefinition(SharedHosts.Audit)]
public sealed class AuditCollection : ICollectionFixture<AuditHost>;

[CollectionDefinition(SharedHosts.Platform)]
public sealed class PlatformCollection : ICollectionFixture<PlatformHost>;

[CollectionDefinition(SharedHosts.Messaging)]
public sealed class MessagingCollection : ICollectionFixture<TestWorkFixture>;

[CollectionDefinition(SharedHosts.Smtp)]
public sealed class SmtpCollection : ICollectionFixture<SmtpFixture>;
