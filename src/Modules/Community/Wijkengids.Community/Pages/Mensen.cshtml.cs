using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wijkengids.Community.People;

namespace Wijkengids.Community.Pages;

public sealed class MensenModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<PersonSummary> People { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => People = await mediator.Send(new ListPeople(), cancellationToken);

    /// <summary>The people holding <paramref name="role"/> (in <paramref name="team"/>), in the order of the site's list.</summary>
    public IEnumerable<(PersonSummary Person, int Position)> Listed(string role, string? team) =>
        People.SelectMany(p => p.Roles.Where(r => r.Role == role && r.Team == team).Select(r => (p, r.Position)))
            .OrderBy(x => x.Position);
}
