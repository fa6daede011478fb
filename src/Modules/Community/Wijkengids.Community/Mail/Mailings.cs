using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wijkengids.SharedKernel;

namespace Wijkengids.Community.Mail;

/// <summary>Progress of every mailing (edition mails, confirmations, notifications) with the failures, for admins.</summary>
public sealed record ListMailings : IRequest<IReadOnlyList<MailingProgress>>;

public sealed record MailingProgress(string Mailing, int Total, int Sent, int Pending, int Failed, DateTimeOffset StartedAt,
    IReadOnlyList<FailedDelivery> Failures);

public sealed record FailedDelivery(string DeliveryId, string To, int Attempts, string? Error);

internal sealed class ListMailingsHandler(IQuerySession session) : IRequestHandler<ListMailings, IReadOnlyList<MailingProgress>>
{
    public async Task<IReadOnlyList<MailingProgress>> Handle(ListMailings request, CancellationToken cancellationToken)
    {
        var deliveries = await session.Query<MailDelivery>().ToListAsync(cancellationToken);
        return deliveries.GroupBy(d => d.Mailing)
            .Select(g => new MailingProgress(g.Key, g.Count(), g.Count(d => d.Status == DeliveryStatus.Sent),
                g.Count(d => d.Status == DeliveryStatus.Pending), g.Count(d => d.Status == DeliveryStatus.Failed), g.Min(d => d.CreatedAt),
                g.Where(d => d.Status == DeliveryStatus.Failed).OrderBy(d => d.To)
                    .Select(d => new FailedDelivery(d.Id, d.To, d.Attempts, d.LastError)).ToList()))
            .OrderByDescending(m => m.StartedAt)
            .ToList();
    }

    internal static void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/community/mailings", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListMailings(), ct)))
            .WithTags("Community").RequireAuthorization(Policies.Admins)
            .WithName("ListMailings").WithSummary("Verzendstatus per mailing, met mislukte bezorgingen (beheerder)");
}
