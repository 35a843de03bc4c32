namespace Concentrator.Core.Dsmr
{
    /// <summary>Which check failed on a malformed telegram line (or capacity).</summary>
    public enum DsmrLineProblem : byte
    {
        None = 0,
        UnterminatedIdentification = 1,
        MissingValue = 2,
        BadObisCode = 3,
        UnclosedGroup = 4,
        TooManyGroups = 5,
        LogCountMismatch = 6,
        BadProfile = 7,
        TextFull = 8,
        ReadingsFull = 9,
    }
}
