package cn.yousu.inspection.web;

import cn.yousu.identity.CurrentActor;
import cn.yousu.inspection.InspectionCommands;
import cn.yousu.inspection.InspectionService;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Inspections over HTTP (docs/api.md, 督察). */
@RestController
class InspectionController {

    private final InspectionService inspections;

    InspectionController(InspectionService inspections) {
        this.inspections = inspections;
    }

    @PostMapping("/api/v1/inspections")
    @ResponseStatus(HttpStatus.CREATED)
    InspectionService.InspectionView create(@RequestBody(required = false) InspectionCommands.Create in) {
        return inspections.create(in, CurrentActor.get());
    }

    @GetMapping("/api/v1/inspections")
    List<InspectionService.InspectionView> list() {
        return inspections.list(CurrentActor.get());
    }

    @GetMapping("/api/v1/inspections/{id}")
    InspectionService.InspectionView get(@PathVariable long id) {
        return inspections.get(id, CurrentActor.get());
    }

    @PostMapping("/api/v1/inspections/{id}/findings")
    @ResponseStatus(HttpStatus.CREATED)
    InspectionService.InspectionView addFinding(@PathVariable long id,
            @RequestBody(required = false) InspectionCommands.AddFinding in) {
        return inspections.addFinding(id, in, CurrentActor.get());
    }

    @PostMapping("/api/v1/inspections/{id}/publication")
    InspectionService.InspectionView publish(@PathVariable long id,
            @RequestBody(required = false) InspectionCommands.Publish in) {
        return inspections.publish(id, in, CurrentActor.get());
    }

    @PostMapping("/api/v1/inspection-findings/{id}/rectification")
    InspectionService.InspectionView report(@PathVariable long id,
            @RequestBody(required = false) InspectionCommands.Report in) {
        return inspections.reportRectification(id, in, CurrentActor.get());
    }

    @PostMapping("/api/v1/inspection-findings/{id}/verification")
    InspectionService.InspectionView verify(@PathVariable long id,
            @RequestBody(required = false) InspectionCommands.Verify in) {
        return inspections.verify(id, in, CurrentActor.get());
    }

    @GetMapping("/api/v1/inspections/ledger")
    List<InspectionService.LedgerRow> ledger(@RequestParam(defaultValue = "false") boolean open,
            @RequestParam(defaultValue = "false") boolean overdue) {
        return inspections.ledger(CurrentActor.get(), open, overdue);
    }

    @GetMapping("/api/v1/public/inspections")
    List<InspectionService.PublicResult> published() {
        return inspections.published();
    }
}
