namespace GdNotebooks.Kernel.Protocol;

/// <summary>The <c>msg_type</c> strings of protocol 5.3 that this kernel reads or writes.</summary>
public static class MessageTypes
{
    public const string KernelInfoRequest = "kernel_info_request", KernelInfoReply = "kernel_info_reply";
    public const string ExecuteRequest = "execute_request", ExecuteReply = "execute_reply";
    public const string IsCompleteRequest = "is_complete_request", IsCompleteReply = "is_complete_reply";
    public const string CompleteRequest = "complete_request", CompleteReply = "complete_reply";
    public const string InspectRequest = "inspect_request", InspectReply = "inspect_reply";
    public const string HistoryRequest = "history_request", HistoryReply = "history_reply";
    public const string CommInfoRequest = "comm_info_request", CommInfoReply = "comm_info_reply";
    public const string CommOpen = "comm_open", CommMsg = "comm_msg", CommClose = "comm_close";
    public const string ShutdownRequest = "shutdown_request", ShutdownReply = "shutdown_reply";
    public const string InterruptRequest = "interrupt_request", InterruptReply = "interrupt_reply";
    public const string Status = "status", ExecuteInput = "execute_input", Stream = "stream";
    public const string DisplayData = "display_data", UpdateDisplayData = "update_display_data";
    public const string ExecuteResult = "execute_result", Error = "error", ClearOutput = "clear_output";
}
