package cn.yousu.exposure.web;

import cn.yousu.exposure.ExposureService;
import cn.yousu.identity.CurrentActor;
import cn.yousu.shared.ApiProblem;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The exposure board over HTTP (docs/api.md, 曝光台). */
@RestController
class ExposureController {

    private final ExposureService exposures;

    ExposureController(ExposureService exposures) {
        this.exposures = exposures;
    }

    @PostMapping("/api/v1/exposures")
    @ResponseStatus(HttpStatus.CREATED)
    ExposureService.Item create(@RequestBody(required = false) ExposureService.Draft in) {
        return exposures.create(in, CurrentActor.get());
    }

    @GetMapping("/api/v1/exposures")
    List<ExposureService.Item> list() {
        return exposures.list(CurrentActor.get());
    }

    @GetMapping("/api/v1/exposures/{id}")
    ExposureService.Item get(@PathVariable long id) {
        return exposures.get(id, CurrentActor.get());
    }

    @PutMapping("/api/v1/exposures/{id}")
    ExposureService.Item update(@PathVariable long id, @RequestBody(required = false) ExposureService.Draft in) {
        return exposures.update(id, in, CurrentActor.get());
    }

    @PostMapping("/api/v1/exposures/{id}/submission")
    ExposureService.Item submit(@PathVariable long id) {
        return exposures.submit(id, CurrentActor.get());
    }

    @PostMapping("/api/v1/exposures/{id}/review")
    ExposureService.Item review(@PathVariable long id, @RequestBody(required = false) ExposureService.Review in) {
        return exposures.review(id, in, CurrentActor.get());
    }

    @PostMapping("/api/v1/exposures/{id}/withdrawal")
    ExposureService.Item withdraw(@PathVariable long id, @RequestBody(required = false) ExposureService.Withdraw in) {
        return exposures.withdraw(id, in, CurrentActor.get());
    }

    @GetMapping("/api/v1/public/exposures")
    List<ExposureService.PublicItem> published() {
        return exposures.published();
    }

    @GetMapping("/api/v1/public/exposures/{id}")
    ExposureService.PublicItem publishedItem(@PathVariable long id) {
        return exposures.publishedItem(id).orElseThrow(() -> ApiProblem.notFound("没有这条曝光内容"));
    }
}
