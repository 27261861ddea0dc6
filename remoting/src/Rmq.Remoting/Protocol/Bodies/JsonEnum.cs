using Rmq.Remoting.Json;

namespace Rmq.Remoting.Protocol.Bodies;

/// <summary>Reads enums as fastjson does (Q5): by name, or by ordinal.</summary>
public static class JsonEnum
{
    public static T Read<T>(FjNode? node, T defaultValue)
        where T : struct, Enum
    {
        if (node is not FjValue value || value.IsNull)
        {
            return defaultValue;
        }

        if (value.Kind == FjValueKind.Number)
        {
            var ordinal = value.GetInt32();
            var byOrdinal = (T)Enum.ToObject(typeof(T), ordinal);
            return Enum.IsDefined(byOrdinal) ? byOrdinal : defaultValue;
        }

        return Enum.TryParse<T>(value.Text, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) ? parsed : defaultValue;
    }
}
