using System;

namespace Concentrator.Host.Mqtt;

/// <summary>Rules for Topic Names and Topic Filters (MQTT 3.1.1 4.7).</summary>
public static class MqttTopic
{
    public const char LevelSeparator = '/';
    public const char MultiLevelWildcard = '#';
    public const char SingleLevelWildcard = '+';

    /// <summary>A Topic Name (what a PUBLISH is sent to): at least one character (4.7.3-1), no wildcards (4.7.1-1, 3.3.2-2).</summary>
    public static bool IsValidTopicName(string? topicName)
    {
        if (string.IsNullOrEmpty(topicName))
        {
            return false;
        }

        return topicName.AsSpan().IndexOfAny(MultiLevelWildcard, SingleLevelWildcard) < 0;
    }

    /// <summary>
    /// A Topic Filter (what a SUBSCRIBE asks for): at least one character (4.7.3-1); '#' only as the last
    /// character and alone in its level (4.7.1-2); '+' alone in its level (4.7.1-3).
    /// </summary>
    public static bool IsValidTopicFilter(string? topicFilter)
    {
        if (string.IsNullOrEmpty(topicFilter))
        {
            return false;
        }

        for (int i = 0; i < topicFilter.Length; i++)
        {
            char c = topicFilter[i];
            if (c != MultiLevelWildcard && c != SingleLevelWildcard)
            {
                continue;
            }

            bool startsLevel = i == 0 || topicFilter[i - 1] == LevelSeparator;
            bool endsLevel = i == topicFilter.Length - 1 || topicFilter[i + 1] == LevelSeparator;
            if (!startsLevel || !endsLevel)
            {
                return false;
            }

            if (c == MultiLevelWildcard && i != topicFilter.Length - 1)
            {
                return false;
            }
        }

        return true;
    }
}
