namespace Rmq.Store;

/// <summary>TAG filtering: a unit matches when its tags code is one of the subscribed tag hashes (or "*" → all).</summary>
public sealed class TagsCodeFilter : IMessageFilter
{
    private readonly HashSet<long>? _codes;

    private TagsCodeFilter(HashSet<long>? codes) => _codes = codes;

    public static TagsCodeFilter All { get; } = new(null);

    /// <summary>From a subscription expression such as <c>"TagA || TagB"</c> or <c>"*"</c>.</summary>
    public static TagsCodeFilter FromExpression(string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression) || expression.Trim() == "*")
        {
            return All;
        }

        var codes = expression.Split("||", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(tag => (long)JavaHash.HashCode(tag))
            .ToHashSet();
        return new TagsCodeFilter(codes);
    }

    public static TagsCodeFilter FromCodes(IEnumerable<long> codes) => new(codes.ToHashSet());

    public bool IsMatchedByConsumeQueue(long tagsCode) => _codes is null || _codes.Contains(tagsCode);
}
