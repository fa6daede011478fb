using Marten.Events.Projections;
using Wijkengids.Content.Items;

namespace Wijkengids.Content.Intake;

/// <summary>Which draft revision an accepted proposal became: the intake's idempotency record, and the catalog's link back.</summary>
public sealed class ProposalIntakeRecord
{
    public Guid Id { get; set; }
    public Guid ItemId { get; set; }
    public int Revision { get; set; }
}

/// <summary>The records follow from the events: a draft revision attributed to a proposal (inline, rebuildable).</summary>
internal sealed partial class ProposalIntakeProjection : EventProjection
{
    public ProposalIntakeProjection()
    {
        Name = nameof(ProposalIntakeRecord);
        RegisterPublishedType(typeof(ProposalIntakeRecord));
    }

    public void Project(DraftSaved e, IDocumentOperations operations)
    {
        if (e.Attribution is { } attribution)
        {
            operations.Store(new ProposalIntakeRecord { Id = attribution.ProposalId, ItemId = e.ItemId, Revision = e.Revision });
        }
    }
}
