package cn.yousu.monitoring.web;

import cn.yousu.identity.CurrentActor;
import cn.yousu.monitoring.MemberKind;
import cn.yousu.monitoring.MemberStatus;
import cn.yousu.monitoring.MonitoringCommands;
import cn.yousu.monitoring.MonitoringService;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Monitoring points and supervisors over HTTP (docs/api.md, 监测点与监督员). */
@RestController
@RequestMapping("/api/v1/monitoring")
class MonitoringController {

    private final MonitoringService monitoring;

    MonitoringController(MonitoringService monitoring) {
        this.monitoring = monitoring;
    }

    @PostMapping("/members")
    @ResponseStatus(HttpStatus.CREATED)
    MonitoringService.MemberView nominate(@RequestBody(required = false) MonitoringCommands.Nominate in) {
        return monitoring.nominate(in, CurrentActor.get());
    }

    @GetMapping("/members")
    List<MonitoringService.MemberView> members(@RequestParam(required = false) MemberKind kind,
            @RequestParam(required = false) MemberStatus status) {
        return monitoring.members(CurrentActor.get(), kind, status);
    }

    @GetMapping("/members/{id}")
    MonitoringService.MemberView member(@PathVariable long id) {
        return monitoring.member(id, CurrentActor.get());
    }

    @PostMapping("/members/{id}/preliminary-review")
    MonitoringService.MemberView preliminaryReview(@PathVariable long id,
            @RequestBody(required = false) MonitoringCommands.Review in) {
        return monitoring.preliminaryReview(id, in, CurrentActor.get());
    }

    @PostMapping("/members/{id}/office-review")
    MonitoringService.MemberView officeReview(@PathVariable long id,
            @RequestBody(required = false) MonitoringCommands.Review in) {
        return monitoring.officeReview(id, in, CurrentActor.get());
    }

    @PostMapping("/members/{id}/approval")
    MonitoringService.MemberView approve(@PathVariable long id,
            @RequestBody(required = false) MonitoringCommands.Review in) {
        return monitoring.approve(id, in, CurrentActor.get());
    }

    @PostMapping("/members/{id}/account")
    MonitoringService.MemberView account(@PathVariable long id,
            @RequestBody(required = false) MonitoringCommands.Account in) {
        return monitoring.createAccount(id, in, CurrentActor.get());
    }

    @PostMapping("/members/{id}/exit")
    MonitoringService.MemberView exit(@PathVariable long id, @RequestBody(required = false) MonitoringCommands.End in) {
        return monitoring.exit(id, in, CurrentActor.get());
    }

    @PostMapping("/members/{id}/removal")
    MonitoringService.MemberView remove(@PathVariable long id,
            @RequestBody(required = false) MonitoringCommands.End in) {
        return monitoring.remove(id, in, CurrentActor.get());
    }

    @GetMapping("/exit-flags")
    List<MonitoringService.ExitFlag> exitFlags() {
        return monitoring.exitFlags(CurrentActor.get());
    }

    @GetMapping("/quotas")
    MonitoringService.QuotaPage quotas(@RequestParam(required = false) String quarter) {
        return monitoring.quotas(CurrentActor.get(), quarter);
    }

    @PostMapping("/meetings")
    @ResponseStatus(HttpStatus.CREATED)
    MonitoringService.Meeting createMeeting(@RequestBody(required = false) MonitoringCommands.MeetingDraft in) {
        return monitoring.createMeeting(in, CurrentActor.get());
    }

    @GetMapping("/meetings")
    List<MonitoringService.Meeting> meetings() {
        return monitoring.meetings(CurrentActor.get());
    }

    @GetMapping("/meetings/{id}")
    MonitoringService.Meeting meeting(@PathVariable long id) {
        return monitoring.meeting(id, CurrentActor.get());
    }

    @PostMapping("/meetings/{id}/attendance")
    MonitoringService.Meeting attendance(@PathVariable long id,
            @RequestBody(required = false) MonitoringCommands.Attendance in) {
        return monitoring.recordAttendance(id, in, CurrentActor.get());
    }

    @GetMapping("/suggestions")
    List<MonitoringService.OpenSuggestion> openSuggestions() {
        return monitoring.openSuggestions(CurrentActor.get());
    }

    @PostMapping("/task-lists")
    @ResponseStatus(HttpStatus.CREATED)
    MonitoringService.TaskList createTaskList(@RequestBody(required = false) MonitoringCommands.TaskListDraft in) {
        return monitoring.createTaskList(in, CurrentActor.get());
    }

    @GetMapping("/task-lists")
    List<MonitoringService.TaskList> taskLists() {
        return monitoring.taskLists(CurrentActor.get());
    }

    // ------------------------------------------------------------------ the member's own

    @GetMapping("/me")
    MonitoringService.MemberView me() {
        return monitoring.me(CurrentActor.get());
    }

    @PostMapping("/me/reports")
    @ResponseStatus(HttpStatus.CREATED)
    MonitoringService.MyReport submit(@RequestBody(required = false) MonitoringCommands.Submit in) {
        return monitoring.submit(in, CurrentActor.get());
    }

    @GetMapping("/me/reports")
    List<MonitoringService.MyReport> myReports() {
        return monitoring.myReports(CurrentActor.get());
    }
}
