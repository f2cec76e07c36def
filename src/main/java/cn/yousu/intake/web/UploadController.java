package cn.yousu.intake.web;

import cn.yousu.casework.Attachment;
import cn.yousu.casework.Attachments;
import cn.yousu.identity.Actor;
import cn.yousu.identity.CurrentActor;
import cn.yousu.shared.ApiProblem;
import cn.yousu.shared.RateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploads from the forms (evidence, a power of attorney, material): checked by {@link Attachments} (type by content,
 * size), answered with the file as a chip holding its id for the form. A refused file gets its message in place.
 */
@Controller
class UploadController {

    private final Attachments attachments;
    private final RateLimiter uploads;

    UploadController(Attachments attachments, @Value("${yousu.public.uploads-per-hour:60}") int uploadsPerHour) {
        this.attachments = attachments;
        this.uploads = new RateLimiter(uploadsPerHour, Duration.ofHours(1));
    }

    /** The portal (no sign-in): evidence as field {@code file}, a power of attorney as {@code poaFile}. */
    @PostMapping("/public/attachments")
    String publicUpload(@RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) MultipartFile poaFile, Model model, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        uploads.acquire(request.getRemoteAddr());
        model.addAttribute("uploadUrl", "/public/attachments");
        return upload(file, poaFile, Actor.COMPLAINANT, model, response);
    }

    /** Staff registering a case. */
    @PostMapping("/uploads")
    String staffUpload(@RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) MultipartFile poaFile, Model model, HttpServletResponse response)
            throws IOException {
        model.addAttribute("uploadUrl", "/uploads");
        return upload(file, poaFile, CurrentActor.get().username(), model, response);
    }

    private String upload(MultipartFile file, MultipartFile poaFile, String by, Model model,
            HttpServletResponse response) throws IOException {
        boolean poa = poaFile != null && !poaFile.isEmpty();
        MultipartFile chosen = poa ? poaFile : file;
        try {
            if (chosen == null) {
                throw ApiProblem.invalid("file", "请选择要上传的文件");
            }
            Attachment a = attachments.upload(chosen.getOriginalFilename(), chosen.getBytes(), by);
            model.addAttribute("a", a);
            model.addAttribute("accept", IntakeForms.ACCEPT);
            model.addAttribute("maxBytes", attachments.maxBytes());
            model.addAttribute("maxMegabytes", attachments.maxBytes() / 1024 / 1024);
            model.addAttribute("poa", a);
            return poa ? "intake/uploads :: poa" : "intake/uploads :: chip";
        } catch (ApiProblem problem) {
            String message = problem.errors().isEmpty() ? problem.getMessage() : problem.errors().get(0).message();
            model.addAttribute("message", message);
            response.setHeader("HX-Retarget", poa ? "#poa-error" : "#evidence-error");
            response.setHeader("HX-Reswap", "innerHTML");
            return "intake/uploads :: message";
        }
    }
}
