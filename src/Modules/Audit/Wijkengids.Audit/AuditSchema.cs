using Marten;
using Weasel.Postgresql.Tables;

namespace Wijkengids.Audit;

/// <summary>
/// The audit module's own tables in schema "audit" (besides its Marten documents). Only the audit projections and
/// the hash-chain subscription write to them; Marten creates and migrates them with the other schema objects.
/// </summary>
internal static class AuditSchema
{
    public const string Name = "audit";
    public const string HashChain = Name + ".hash_chain";
    public const string Checkpoints = Name + ".chain_checkpoint";

    /// <summary>Positions the chain passed while no event stood there, watched for late arrivals (docs/adr/0070).</summary>
    public const string ChainGaps = Name + ".chain_gap";

    /// <summary>The shared event store's events table (docs/adr/0002), read as stored bytes for hashing.</summary>
    public const string Events = SharedKernel.EventStore.Schema + ".mt_events";

    public static void AddTables(StoreOptions options)
    {
        var chain = new Table(HashChain);
        chain.AddColumn<long>("seq").AsPrimaryKey();
        chain.AddColumn("hash", "text").NotNull();
        chain.AddColumn("previous", "text").NotNull();
        chain.AddColumn("day", "date").NotNull();
        chain.AddColumn(new LinkColumn());
        chain.Indexes.Add(new IndexDefinition("ux_hash_chain_link") { Columns = ["link"], IsUnique = true });
        options.Storage.ExtendedSchemaObjects.Add(chain);

        var checkpoints = new Table(Checkpoints);
        checkpoints.AddColumn("day", "date").AsPrimaryKey();
        checkpoints.AddColumn<long>("first_seq").NotNull();
        checkpoints.AddColumn<long>("last_seq").NotNull();
        checkpoints.AddColumn<long>("events").NotNull();
        checkpoints.AddColumn("hash", "text").NotNull();
        options.Storage.ExtendedSchemaObjects.Add(checkpoints);

        var gaps = new Table(ChainGaps);
        gaps.AddColumn<long>("first_seq").AsPrimaryKey();
        gaps.AddColumn<long>("last_seq").NotNull();
        gaps.AddColumn("noticed", "timestamptz").NotNull().DefaultValueByExpression("now()");
        options.Storage.ExtendedSchemaObjects.Add(gaps);
    }

    /// <summary>
    /// The link number: the chain's own order (docs/adr/0070). A chain built before it existed was built in sequence
    /// order, so adding the column numbers the existing links by their sequence; their hashes stay as they are.
    /// </summary>
    private sealed class LinkColumn : TableColumn
    {
        public LinkColumn() : base("link", "bigint") => AllowNulls = false;

        /// <summary>Not null without a default: Weasel may add it only because <see cref="AddColumnSql"/> fills it first.</summary>
        public override bool CanAdd() => true;

        public override string AddColumnSql(Table parent) =>
            $"alter table {parent.Identifier} add column link bigint;\n" +
            $"update {parent.Identifier} set link = seq where link is null;\n" +
            $"alter table {parent.Identifier} alter column link set not null;";
    }
}
