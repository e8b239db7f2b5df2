namespace GdNotebooks;

/// <summary>A fact a notebook asserts did not hold: the science in it broke.</summary>
public sealed class ExpectationFailedException(string message) : Exception(message);
