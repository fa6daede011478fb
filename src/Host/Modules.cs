using Wijkengids.Audit;
using Wijkengids.Community;
using Wijkengids.Content;
using Wijkengids.Contributions;
using Wijkengids.SharedKernel;
using Wijkengids.Workshops;

namespace Wijkengids.Host;

/// <summary>The modules this host composes. Adding a module is one line here.</summary>
public static class Modules
{
    public static readonly IReadOnlyList<IModule> All =
    [
        new ContentModule(),
        new ContributionsModule(),
        new CommunityModule(),
        new WorkshopsModule(),
        new AuditModule(),
    ];
}
