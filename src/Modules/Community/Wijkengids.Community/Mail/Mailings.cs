using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wijkengids.SharedKernel;

namespace Wijkengids.Community.Mail;

/// <summary>Progress of every mailing (edition mails, confirmations, notifications) with the failures, for admins.</summary>
public sealed record ListMailings : IRequest<IReadOnlyList<MailingProgress>>;

/// <summary>Counts per mailing; <c>Uncertain</c> mails had an attempt cut off and are not sent again (docs/adr/0082).</summary>
public sealed record MailingProgress(string Mailing, int Total, int Sent, int Pending, int Failed, DateTimeOffset StartedAt,
    IReadOnlyList<FailedDelivery> Failures, int Uncertain);

/// <summary>A delivery that failed (<see cref="DeliveryStatus.Failed"/>) or whose sending is uncertain (<see cref="DeliveryStatus.Uncertain"/>).</summary>
public sealed record FailedDelivery(string DeliveryId, string To, int Attempts, string? Error, DeliveryStatus Status);

internal sealed class ListMailingsHandler(IQuerySession session) : IRequestHandler<ListMailings, IReadOnlyList<MailingProgress>>
{
    public async Task<IReadOnlyList<MailingProgress>> Handle(ListMailings request, CancellationToken cancellationToken)
    {
        var deliveries = await session.Query<MailDelivery>().ToListAsync(cancellationToken);
        return deliveries.GroupBy(d => d.Mailing)
            .Select(g => new MailingProgress(g.Key, g.Count(), g.Count(d => d.Status == DeliveryStatus.Sent),
                g.Count(d => d.Status is DeliveryStatus.Pending or DeliveryStatus.Sending), g.Count(d => d.Status == DeliveryStatus.Failed),
                g.Min(d => d.CreatedAt),
                g.Where(d => d.Status is DeliveryStatus.Failed or DeliveryStatus.Uncertain).OrderBy(d => d.To)
                    .Select(d => new FailedDelivery(d.Id, d.To, d.Attempts, d.LastError, d.Status)).ToList(),
                g.Count(d => d.Status == DeliveryStatus.Uncertain)))
            .OrderByDescending(m => m.StartedAt)
            .ToList();
    }

    internal static void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/community/mailings", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListMailings(), ct)))
            .WithTags("Community").RequireAuthorization(Policies.Admins)
            .WithName("ListMailings").WithSummary("Verzendstatus per mailing, met mislukte bezorgingen (beheerder)");
}
