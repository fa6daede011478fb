using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using System.Reflection;
using Marten;
using Marten.Exceptions;
using Marten.Linq.Members;
using Marten.Linq.Parsing;
using Marten.Linq.SqlGeneration.Filters;
using NpgsqlTypes;
using Weasel.Postgresql;
using Weasel.Postgresql.SqlGeneration;

namespace Wijkengids.Platform;

/// <summary>
/// Teaches Marten's LINQ the stable strings of status enums (docs/adr/0096). Marten compares an enum member either as a
/// number or by its C# member name; neither is what the documents hold ("bevestigd", "in-review"). With these, a
/// <c>Where(b =&gt; b.Status == BookingStatus.Confirmed)</c> compares <c>data -&gt;&gt; 'Status'</c> with 'bevestigd', and
/// <c>statuses.Contains(b.Status)</c> becomes <c>= ANY('{…}')</c> of the stable strings. Register before the modules
/// declare their indexes, so an index on a status is the same text expression the queries use.
/// </summary>
public static class StableEnumLinq
{
    public static void UseStableEnumStrings(this StoreOptions options)
    {
        options.Linq.MemberSources.Insert(0, new StableEnumMemberSource());
        options.Linq.MethodCallParsers.Insert(0, new StableEnumContains());
    }

    private static Type? StableEnumOf(Type type)
    {
        var inner = Nullable.GetUnderlyingType(type) ?? type;
        return StableEnums.IsStable(inner) ? inner : null;
    }

    private sealed class StableEnumMemberSource : IMemberSource
    {
        public bool TryResolve(IQueryableMember parent, StoreOptions options, MemberInfo memberInfo, Type memberType,
            [NotNullWhen(true)] out IQueryableMember? member)
        {
            member = StableEnumOf(memberType) is { } enumType
                ? new StableEnumMember(parent, options, memberInfo, enumType)
                : null;
            return member is not null;
        }
    }

    /// <summary>A status member of a document: text in the JSON, compared with the member's stable string.</summary>
    private sealed class StableEnumMember : QueryableMember, IComparableMember
    {
        private readonly Type _enumType;

        public StableEnumMember(IQueryableMember parent, StoreOptions options, MemberInfo member, Type enumType)
            : base(parent, options.Serializer().Casing, member)
        {
            _enumType = enumType;
            TypedLocator = RawLocator;
        }

        public override ISqlFragment CreateComparison(string op, ConstantExpression constant)
        {
            if (constant.Value is null)
            {
                return op switch
                {
                    "=" => new IsNullFilter(this),
                    "!=" => new IsNotNullFilter(this),
                    _ => throw new BadLinqExpressionException($"Geen vergelijking '{op}' met null voor {Member.Name}."),
                };
            }
            if (op is not ("=" or "!="))
            {
                // The stable strings have no order that matches the enum's; only equality means something.
                throw new BadLinqExpressionException($"Een status ({_enumType.Name}) kan alleen op gelijkheid worden vergeleken, niet met '{op}'.");
            }
            return new MemberComparisonFilter(this, new CommandParameter(StableEnums.WireOf(_enumType, constant.Value), NpgsqlDbType.Varchar), op);
        }

        public override void PlaceValueInDictionaryForContainment(Dictionary<string, object> dict, ConstantExpression constant) =>
            dict[MemberName] = StableEnums.WireOf(_enumType, constant.Value!);

        public override string SelectorForDuplication(string pgType) => RawLocator.Replace("d.", "", StringComparison.Ordinal);
    }

    /// <summary>
    /// <c>values.Contains(x.Status)</c> for a list of statuses known before the query runs: <see cref="Enumerable.Contains{T}(IEnumerable{T}, T)"/>,
    /// a list's own Contains, or (C# 14 on an array) <c>MemoryExtensions.Contains</c> over a span without a comparer.
    /// </summary>
    private sealed class StableEnumContains : IMethodCallParser
    {
        public bool Matches(MethodCallExpression expression) =>
            expression.Method.Name == nameof(Enumerable.Contains) && Parts(expression) is { } parts && StableEnumOf(parts.Value.Type) is not null;

        public ISqlFragment Parse(IQueryableMemberCollection memberCollection, IReadOnlyStoreOptions options, MethodCallExpression expression)
        {
            var (collection, value) = Parts(expression)!.Value;
            var enumType = StableEnumOf(value.Type)!;
            var values = Evaluate(collection) as IEnumerable
                         ?? throw new BadLinqExpressionException($"Contains op een status ({enumType.Name}) kan alleen met een vaste lijst waarden.");
            var member = memberCollection.MemberFor(value);
            var wires = values.Cast<object?>().Where(v => v is not null).Select(v => StableEnums.WireOf(enumType, v!)).Distinct().ToArray();
            return new AnyOf(member, wires);
        }

        /// <summary>The collection and the value looked for; null for a Contains with a comparer or of another shape.</summary>
        private static (Expression Collection, Expression Value)? Parts(MethodCallExpression expression)
        {
            if (expression.Object is { } instance)
            {
                return expression.Arguments.Count == 1 && instance.Type != expression.Arguments[0].Type ? (instance, expression.Arguments[0]) : null;
            }
            var withoutComparer = expression.Arguments.Count == 2
                                  || (expression.Arguments.Count == 3 && expression.Arguments[2] is ConstantExpression { Value: null });
            return withoutComparer && expression.Arguments[0].Type != expression.Arguments[1].Type ? (expression.Arguments[0], expression.Arguments[1]) : null;
        }

        private static object? Evaluate(Expression expression)
        {
            // C# 14 may read array.Contains(x) as MemoryExtensions.Contains over a span of the array: evaluate the array.
            while (expression is MethodCallExpression { Method.Name: "op_Implicit", Arguments.Count: 1 } or UnaryExpression { NodeType: ExpressionType.Convert })
            {
                expression = expression is MethodCallExpression call ? call.Arguments[0] : ((UnaryExpression)expression).Operand;
            }
            if (expression is ConstantExpression constant) return constant.Value;
            try
            {
                return Expression.Lambda(expression).Compile().DynamicInvoke();
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException)
            {
                throw new BadLinqExpressionException("Contains op een status kan alleen met een lijst die vóór de query bekend is.", e);
            }
        }
    }

    private sealed class AnyOf(IQueryableMember member, string[] values) : ISqlFragment
    {
        public void Apply(ICommandBuilder builder)
        {
            builder.Append(member.TypedLocator);
            builder.Append(" = ANY(");
            builder.AppendParameter(values, NpgsqlDbType.Array | NpgsqlDbType.Varchar);
            builder.Append(")");
        }
    }
}
